/**
 * An uploaded .xlsx is a zip of XML parts, and a few kilobytes of zip can inflate to gigabytes. Before ExcelJS
 * reads it, every part is inflated here with a hard output cap: the sizes the zip *declares* are not trusted, the
 * bytes that actually come out are counted. Only the parts' sizes are kept; nothing is parsed.
 */
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../errors';

export type ZipLimits = {
  /** total bytes of all parts once inflated */
  maxUncompressedBytes: number;
  /** number of parts (sheets, styles, shared strings…) */
  maxEntries: number;
};

export type ZipSummary = { entries: Array<{ name: string; size: number }>; uncompressedBytes: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const refuse = (code: string, message: string) => InputError.of('file', code, message);

export function inspectZip(buffer: Buffer, limits: ZipLimits): ZipSummary {
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== LOCAL)
    throw refuse('NOT_XLSX', 'the file is not an .xlsx workbook (not a zip archive)');
  // the end-of-central-directory record sits in the last 22 + 65535 (comment) bytes
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw refuse('NOT_XLSX', 'the file is not an .xlsx workbook (no zip directory: truncated or damaged)');
  const count = buffer.readUInt16LE(eocd + 10);
  const directoryOffset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    throw refuse('NOT_XLSX', 'zip64 workbooks are not accepted: the file is far above the upload limit');
  if (count > limits.maxEntries)
    throw refuse('TOO_MANY_PARTS', `the workbook has ${count} parts; at most ${limits.maxEntries} are accepted`);

  const entries: ZipSummary['entries'] = [];
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL)
      throw refuse('NOT_XLSX', "the workbook's zip directory is damaged");
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL)
      throw refuse('NOT_XLSX', `the workbook part ${name} is damaged`);
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    const data = buffer.subarray(dataStart, dataStart + compressedSize);
    const room = limits.maxUncompressedBytes - total;
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(room, 0) + 1 }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
          size = room + 1;
        else throw refuse('NOT_XLSX', `the workbook part ${name} cannot be decompressed`);
      }
    } else throw refuse('NOT_XLSX', `the workbook part ${name} uses an unknown compression (method ${method})`);
    total += size;
    if (total > limits.maxUncompressedBytes) {
      throw refuse(
        'TOO_LARGE_UNCOMPRESSED',
        `the workbook inflates to more than ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB (part ${name}): refused as a possible zip bomb`,
      );
    }
    entries.push({ name, size });
  }
  return { entries, uncompressedBytes: total };
}
