import {
  MediaInputError
} from "./chunk-NBBZKFDJ.js";

// src/media/reference.ts
var EXTENSIONS = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp"
};
async function prepareReference(file, size, options) {
  const dimensions = parseSize(size);
  if (file.size > options.maxBytes) {
    throw new MediaInputError(
      413,
      "payload_too_large",
      `The reference image is larger than ${options.maxBytes} bytes`
    );
  }
  const input = new Uint8Array(await file.arrayBuffer());
  const contentType = sniffImageType(input);
  if (!contentType) {
    throw new MediaInputError(
      415,
      "unsupported_media_type",
      "The reference image must be a PNG, JPEG or WebP file"
    );
  }
  const bytes = await resize(input, contentType, dimensions, options.maxInputPixels ?? 64e6);
  return { bytes, contentType, filename: `reference.${EXTENSIONS[contentType]}` };
}
function sniffImageType(bytes) {
  const starts = (signature, offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
  if (starts([137, 80, 78, 71, 13, 10, 26, 10])) return "image/png";
  if (starts([255, 216, 255])) return "image/jpeg";
  if (starts([82, 73, 70, 70]) && starts([87, 69, 66, 80], 8)) return "image/webp";
  return null;
}
function parseSize(size) {
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(size);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || width < 1 || height < 1) {
    throw new MediaInputError(400, "invalid_request", `Invalid size "${size}", expected WIDTHxHEIGHT`);
  }
  return { width, height };
}
async function resize(input, type, { width, height }, maxInputPixels) {
  const { default: sharp } = await import("sharp");
  try {
    const pipeline = sharp(input, { limitInputPixels: maxInputPixels }).rotate().resize(width, height, { fit: "cover", position: "centre" });
    const encoded = type === "image/png" ? pipeline.png() : type === "image/webp" ? pipeline.webp({ quality: 90 }) : pipeline.jpeg({ quality: 90, mozjpeg: true });
    return new Uint8Array(await encoded.toBuffer());
  } catch (error) {
    throw new MediaInputError(400, "invalid_request", "The reference image could not be read", {
      cause: error
    });
  }
}

export {
  prepareReference,
  sniffImageType
};
//# sourceMappingURL=chunk-FCE5ATLD.js.map