/** How many bytes of a file `imageFileProblem` needs to see. */
export const IMAGE_HEAD_BYTES = 1024;

const ascii = (head: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...head.subarray(from, to));

// What each kind of picture starts with.
const SIGNATURES: ReadonlyArray<[RegExp, (head: Uint8Array) => boolean]> = [
  [/\.png$/i, (h) => h[0] === 0x89 && ascii(h, 1, 4) === 'PNG'],
  [/\.jpe?g$/i, (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff],
  [/\.gif$/i, (h) => ascii(h, 0, 6) === 'GIF87a' || ascii(h, 0, 6) === 'GIF89a'],
  [/\.webp$/i, (h) => ascii(h, 0, 4) === 'RIFF' && ascii(h, 8, 12) === 'WEBP'],
  [/\.avif$/i, (h) => ascii(h, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(h, 8, 12))],
  [/\.svg$/i, (h) => /<svg[\s>]/.test(new TextDecoder().decode(h))],
];

/**
 * Why a file named as a picture is not one, or undefined: its first bytes must be those of the
 * format its extension names. A text file called `photo.png` would fail the build's image
 * processing instead of the check.
 */
export function imageFileProblem(name: string, head: Uint8Array): string | undefined {
  const signature = SIGNATURES.find(([extension]) => extension.test(name));
  if (!signature) return 'is not an image file (.png, .jpg, .gif, .webp, .avif, .svg)';
  return signature[1](head)
    ? undefined
    : `is not a ${name.split('.').pop()!.toUpperCase()} image, whatever its name says`;
}

/**
 * The largest photo the build resizes, in pixels. A newsroom's camera gives 24–45 megapixels; a
 * larger file is a scan, a panorama or a decompression bomb, and would hold the build's memory.
 */
export const MAX_PHOTO_PIXELS = 60_000_000;

/** Why a photo of `width` × `height` is too large to publish, or undefined. */
export function photoSizeProblem(width: number, height: number): string | undefined {
  if (width * height <= MAX_PHOTO_PIXELS) return undefined;
  const megapixels = Math.round((width * height) / 1_000_000);
  return `is ${width}×${height} pixels (${megapixels} megapixels); at most ${MAX_PHOTO_PIXELS / 1_000_000} megapixels: resize it before publishing`;
}
