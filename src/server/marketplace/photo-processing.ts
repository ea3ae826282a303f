/**
 * Photos as the marketplace keeps them: turned upright, stripped of their metadata (a phone's photo
 * says where and when it was taken, and on which phone), no larger than a page shows them, and with
 * a small copy for the listing cards, so a page of offers does not weigh megabytes on a phone.
 * The format stays the uploader's (JPEG, PNG or WebP); a PNG that would not fit the limit once
 * re-encoded becomes a WebP.
 */
import sharp, { type Sharp } from 'sharp';
import { PHOTO_MAX_BYTES, type PhotoContentType } from '../../domain/marketplace/photo-type.ts';

/** The longest side of a kept photo: a listing page shows it at most this wide on a large screen. */
export const PHOTO_MAX_EDGE = 1600;
/** The card's copy: cards are at most about 320 CSS pixels wide, twice that on a dense screen. */
export const CARD_MAX_EDGE = 640;
/** A photo of more pixels is refused before it is decoded (a small file can unpack to gigabytes). */
const MAX_INPUT_PIXELS = 50_000_000;

export interface KeptPhoto {
  readonly contentType: PhotoContentType;
  readonly bytes: Buffer;
  readonly card: Buffer;
}

const encode = (image: Sharp, contentType: PhotoContentType) => {
  if (contentType === 'image/jpeg') return image.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  if (contentType === 'image/png') return image.png({ compressionLevel: 9 }).toBuffer();
  return image.webp({ quality: 82 }).toBuffer();
};

const fitWithin = (image: Sharp, edge: number) =>
  image.resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true });

/** The photo to keep, or null when the bytes do not decode as the image they claim to be. */
export async function keptPhoto(bytes: Buffer, contentType: PhotoContentType): Promise<KeptPhoto | null> {
  try {
    // `rotate()` applies the EXIF orientation; metadata is not copied to the output.
    const upright = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    let kept = await encode(fitWithin(upright.clone(), PHOTO_MAX_EDGE), contentType);
    let keptType = contentType;
    if (kept.length > PHOTO_MAX_BYTES && contentType === 'image/png') {
      keptType = 'image/webp';
      kept = await encode(fitWithin(upright.clone(), PHOTO_MAX_EDGE), keptType);
    }
    const card = await encode(fitWithin(upright.clone(), CARD_MAX_EDGE), keptType);
    return { contentType: keptType, bytes: kept, card };
  } catch {
    return null;
  }
}
