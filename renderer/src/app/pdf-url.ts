/** A PDF the core made (base64) as an object URL the page can open or download. */
export const pdfUrl = (base64: string): string => {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
};
