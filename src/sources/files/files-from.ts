/**
 * Parses a `--files-from` list: one repository-relative path per line. Surrounding blanks are
 * trimmed, blank lines and `#` comment lines skipped, a leading `./` stripped, duplicates dropped
 * (first occurrence kept).
 *
 * @param text the file's content
 * @param source where the text came from (a file name), named in error messages
 * @throws Error naming `source` and the line for an absolute path or a path with a `..` segment
 */
export function parseFilesFrom(text: string, source: string): string[] {
  const paths = new Set<string>();
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const written = rawLine.trim();
    if (written === "" || written.startsWith("#")) return;
    const fail = (problem: string): never => {
      throw new Error(
        `${source}, line ${index + 1}: "${written}" ${problem}; expected a path relative to the repository root`,
      );
    };
    let path = written;
    while (path.startsWith("./")) path = path.slice(2);
    if (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path)) fail("is an absolute path");
    if (path.split(/[\\/]/).includes("..")) fail('contains ".."');
    if (path === "" || path.endsWith("/")) fail("is not a file path");
    paths.add(path);
  });
  return [...paths];
}
