import Box from '@mui/material/Box';
import { client } from '../../api/client.ts';
import { LoadState } from '../../app/LoadState.tsx';
import { useLoad } from '../../app/use-load.ts';
import { describeGuideError } from './guide-errors.ts';

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
  height = 'auto',
}: {
  guideId: string;
  version: string;
  image: string;
  alt: string;
  maxHeight: string;
  /** A height the picture is drawn at (the projector's, from the viewport); else its own. */
  height?: string;
}) => {
  const loaded = useLoad(() => client.call('guides.image', { guideId, version, image }), [guideId, version, image]);
  // No "loading" line where a picture goes, and never the previous step's picture meanwhile.
  if (loaded.error) return <LoadState load={loaded} describe={describeGuideError} />;
  if (!loaded.value || loaded.loading) return null;
  return (
    <Box
      component="img"
      src={loaded.value.dataUrl}
      alt={alt}
      sx={{
        display: 'block',
        maxWidth: '100%',
        maxHeight,
        height,
        // Drawn at a given height, the picture keeps its own width (a column would stretch it).
        ...(height === 'auto' ? {} : { alignSelf: 'flex-start', objectFit: 'contain' }),
        bgcolor: '#ffffff',
        borderRadius: 1,
      }}
    />
  );
};
