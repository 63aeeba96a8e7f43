import { inflateRawSync } from "node:zlib";

/**
 * The entries of a zip archive (a .docx) by path, read through its central directory. Only the
 * two methods Office packages use are supported: stored (0) and deflated (8).
 */
export function readZip(data: Uint8Array): Map<string, Uint8Array> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // End of central directory: signature 0x06054b50, searched backwards past a comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive");
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, Uint8Array>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error("corrupt central directory");
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    const localStart =
      localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const raw = buf.subarray(localStart, localStart + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`unsupported zip method ${method} (${name})`);
    entries.set(name, method === 0 ? new Uint8Array(raw) : new Uint8Array(inflateRawSync(raw)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry of a zip archive as UTF-8 text (word/document.xml …). */
export function readZipText(data: Uint8Array, path: string): string {
  const entry = readZip(data).get(path);
  if (!entry) throw new Error(`no ${path} in the archive`);
  return Buffer.from(entry).toString("utf8");
}

/** The visible text of a WordprocessingML part, paragraph by paragraph (w:t runs joined). */
export function docxParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(""),
  );
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
