/** How each format writes a link to another record. */

/** The record a link points to. */
export interface RecordRef {
  id: string;
  title: string;
  fileName: string;
  number: number | null;
}

/** adr-tools and Nygard: "[3. Use Kafka](0003-use-kafka.md)", or "[Use Kafka](…)" unnumbered. */
export function numberedTitleLink(ref: RecordRef): string {
  const text = ref.number === null ? ref.title : `${ref.number}. ${ref.title}`;
  return `[${escapeLinkText(text)}](${linkTarget(ref.fileName)})`;
}

/** MADR: "[ADR-0003](0003-use-kafka.md)"; log4brains and other unnumbered records: "[id](file)". */
export function adrLink(ref: RecordRef): string {
  return `[${adrLabel(ref)}](${linkTarget(ref.fileName)})`;
}

/** legible: "[ADR-0003: Use Kafka](0003-use-kafka.md)"; unnumbered: "[Use Kafka](…)". */
export function labelledAdrLink(ref: RecordRef): string {
  const text = ref.number === null ? ref.title : `${adrLabel(ref)}: ${ref.title}`;
  return `[${escapeLinkText(text)}](${linkTarget(ref.fileName)})`;
}

function adrLabel(ref: RecordRef): string {
  if (ref.number === null) return ref.id;
  const digits = /^\d+/.exec(ref.id)?.[0] ?? String(ref.number).padStart(4, "0");
  return `ADR-${digits}`;
}

function escapeLinkText(text: string): string {
  return text.replace(/([[\]])/g, "\\$1");
}

function linkTarget(fileName: string): string {
  return /[\s()]/.test(fileName) ? `<${fileName}>` : fileName;
}
