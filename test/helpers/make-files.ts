/**
 * Builds real PDF and DOCX files for reader tests, so no binary fixtures live in the repository.
 * The PDF is a minimal, valid PDF 1.4 with one page per paragraph in Helvetica.
 */
import JSZip from 'jszip';

export function makePdf(pages: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((text, i) => {
    const id = pageIds[i];
    const lines = text.split('\n').map((l, j) => `BT /F1 11 Tf 50 ${780 - j * 14} Td (${esc(l)}) Tj ET`).join('\n');
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${Buffer.byteLength(lines, 'latin1')} >>\nstream\n${lines}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets[i] = Buffer.byteLength(out, 'latin1');
    out += `${i} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let i = 1; i < objects.length; i++) out += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const x = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${x(p)}</w:t></w:r></w:p>`)
    .join('')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * A DOCX decompression bomb: a valid ZIP whose word/document.xml repeats one paragraph until it
 * inflates to `inflatedBytes`. With `lie`, the central directory declares a tiny size, as a
 * hand-crafted bomb would, so only inflating with a cap can catch it. Built by streaming deflate,
 * so the test itself never holds the inflated XML.
 */
export async function makeDocxBomb(inflatedBytes: number, opts: { lie?: boolean } = {}): Promise<Buffer> {
  const zlib = await import('node:zlib');
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const para = '<w:p><w:r><w:t>Die Bundesregierung genehmigte Rüstungsexporte nach Ägypten.</w:t></w:r></w:p>';
  const tail = '</w:body></w:document>';
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (d: Buffer) => out.push(d));
  const done = new Promise((r) => deflater.on('end', r));
  let crc = zlib.crc32(head);
  deflater.write(head);
  const block = Buffer.from(para.repeat(Math.ceil((1 << 20) / para.length)));
  let size = Buffer.byteLength(head);
  while (size < inflatedBytes) {
    crc = zlib.crc32(block, crc);
    size += block.length;
    if (!deflater.write(block)) await new Promise((r) => deflater.once('drain', r));
  }
  crc = zlib.crc32(tail, crc);
  size += Buffer.byteLength(tail);
  deflater.end(tail);
  await done;
  const small = await makeDocx(['Kasachstan']);
  const entries: Array<{ name: string; data: Buffer; crc: number; size: number; method: number }> = [
    { name: 'word/document.xml', data: Buffer.concat(out), crc, size: opts.lie ? 1000 : size, method: 8 },
  ];
  // Keep the package parts of a real DOCX, so only the size makes the file a bomb.
  const JSZipMod = (await import('jszip')).default;
  const real = await JSZipMod.loadAsync(small);
  for (const name of ['[Content_Types].xml', '_rels/.rels']) {
    const data = Buffer.from(await real.file(name)!.async('uint8array'));
    entries.push({ name, data, crc: zlib.crc32(data), size: data.length, method: 0 });
  }
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
