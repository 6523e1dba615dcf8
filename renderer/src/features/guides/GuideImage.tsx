import Box from '@mui/material/Box';
import { useEffect, useState } from 'react';
import { client } from '../../api/client.ts';

/**
 * A pack image, fetched from the core as a data: URL and shown in an <img>: SVG markup is never
 * put into the page, so a drawing cannot run script or reach the network (CSP img-src data:).
 */
export const GuideImage = ({
  guideId,
  version,
  image,
  alt,
  maxHeight,
}: {
  guideId: string;
  version: string;
  image: string;
  alt: string;
  maxHeight: string;
}) => {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setSrc(null);
    void client.call('guides.image', { guideId, version, image }).then((result) => {
      if (current && result.ok) setSrc(result.value.dataUrl);
    });
    return () => {
      current = false;
    };
  }, [guideId, version, image]);
  if (!src) return null;
  return (
    <Box
      component="img"
      src={src}
      alt={alt}
      sx={{ display: 'block', maxWidth: '100%', maxHeight, height: 'auto', bgcolor: '#ffffff', borderRadius: 1 }}
    />
  );
};
