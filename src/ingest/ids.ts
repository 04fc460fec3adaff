/**
 * Document ids unique within one run: the first document to ask for an id gets it, a later one
 * gets its next candidate (a longer, path-based id), and as a last resort a numbered suffix.
 */
export class DocumentIds {
  private readonly taken = new Set<string>();

  claim(...candidates: [string, ...string[]]): string {
    const free = candidates.find((candidate) => !this.taken.has(candidate));
    let id = free;
    if (id === undefined) {
      const base = candidates.at(-1)!;
      let suffix = 2;
      while (this.taken.has(`${base}-${suffix}`)) suffix++;
      id = `${base}-${suffix}`;
    }
    this.taken.add(id);
    return id;
  }
}
