/**
 * A compact in-memory contact search index: the same results, in the same order, as the ranked
 * search of shared/contacts/search-rank.ts over the stored rows, without touching IndexedDB on a
 * keystroke.
 *
 * Layout (about 100 bytes per contact, no Contact objects):
 * - every live contact has a slot; `ids[slot]` and `sortKeys[slot]` are its id and folded name;
 * - per searchable field (name words, phone keys, e-mails, tags, city words) a "base segment":
 *   the sorted unique terms, and for term t the slots `postings[offsets[t] .. offsets[t + 1])`.
 *   A prefix query is a binary search for the range of terms that start with it;
 * - contacts added or changed after the base was built live in a small "delta" (their terms as
 *   plain arrays, scanned linearly); their old slot is marked dead. When the delta grows past
 *   DELTA_MAX (or an eighth of the base) everything is rebuilt from the index's own data;
 * - `order` lists live slots by (sortKey, id) in code-unit order (IndexedDB's order, so the first
 *   page read from the `sortKey` index while the index builds is the same first page).
 * Ranking is integer work: a rank 0-7 per candidate (searchRank's rules), then position in
 * `order` inside each rank.
 */
import { phoneQueryDigits } from '../phone';
import { foldText, wordTokens } from '../text';
import { editDistance } from './duplicates';

/** What the index needs of a stored contact row (its derived keys, shared/contact-index.ts). */
export interface IndexInput {
  id: string;
  /** False for deleted (`deletedAt`) and merged (`mergedInto`) contacts: known, never found. */
  live: boolean;
  sortKey: string;
  nameTokens: readonly string[];
  phoneKeys: readonly string[];
  emailKeys?: readonly string[];
  tagKeys: readonly string[];
  cityKeys?: readonly string[];
}

const NAME = 0;
const PHONE = 1;
const EMAIL = 2;
const TAG = 3;
const CITY = 4;
const FIELDS = 5;

/** Ranks of searchRank (shared/contacts/search-rank.ts). */
const RANKS = 8;
const NONE = 255;

const DELTA_MAX = 4096;

type Terms = readonly (readonly string[])[];

function termsOf(d: IndexInput): Terms {
  return [d.nameTokens, d.phoneKeys, d.emailKeys ?? [], d.tagKeys, d.cityKeys ?? []];
}

/** One field's terms and postings over the base slots (CSR layout). */
export interface Segment {
  terms: string[];
  offsets: Int32Array;
  postings: Int32Array;
}

const byKeyThenId = (ka: string, ia: string, kb: string, ib: string): number =>
  ka < kb ? -1 : ka > kb ? 1 : ia < ib ? -1 : ia > ib ? 1 : 0;

/** First index in sorted `terms` whose term is >= `key`. */
function lowerBound(terms: readonly string[], key: string, end = terms.length): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range [from, to) of sorted `terms` that start with `prefix`. */
function prefixRange(
  terms: readonly string[],
  prefix: string,
  end = terms.length,
): [number, number] {
  const from = lowerBound(terms, prefix, end);
  let to = from;
  // Terms starting with the prefix are contiguous; a second binary search bounds them.
  let hi = end;
  while (to < hi) {
    const mid = (to + hi) >>> 1;
    if (terms[mid]!.startsWith(prefix)) to = mid + 1;
    else hi = mid;
  }
  return [from, to];
}

function buildSegments(termLists: Terms[]): Segment[] {
  const out: Segment[] = [];
  for (let f = 0; f < FIELDS; f++) {
    const termId = new Map<string, number>();
    const names: string[] = [];
    let pairs = 0;
    for (const lists of termLists) {
      for (const t of lists[f]!) {
        pairs++;
        if (!termId.has(t)) {
          termId.set(t, names.length);
          names.push(t);
        }
      }
    }
    const sorted = names.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const rankOf = new Int32Array(names.length);
    sorted.forEach((t, i) => (rankOf[termId.get(t)!] = i));
    const counts = new Int32Array(sorted.length + 1);
    const lastSlot = new Int32Array(sorted.length).fill(-1);
    for (let slot = 0; slot < termLists.length; slot++) {
      for (const t of termLists[slot]![f]!) {
        const r = rankOf[termId.get(t)!]!;
        if (lastSlot[r] === slot) continue;
        lastSlot[r] = slot;
        counts[r + 1]!++;
      }
    }
    for (let i = 0; i < sorted.length; i++) counts[i + 1]! += counts[i]!;
    const offsets = counts.slice();
    const fill = counts.slice(0, sorted.length);
    const postings = new Int32Array(Math.min(pairs, offsets[sorted.length]!));
    lastSlot.fill(-1);
    for (let slot = 0; slot < termLists.length; slot++) {
      for (const t of termLists[slot]![f]!) {
        const r = rankOf[termId.get(t)!]!;
        if (lastSlot[r] === slot) continue;
        lastSlot[r] = slot;
        postings[fill[r]!++] = slot;
      }
    }
    out.push({ terms: sorted, offsets, postings });
  }
  return out;
}

export interface IndexStats {
  live: number;
  known: number;
  delta: number;
  terms: number;
  postings: number;
  /** A rough size of the index's own data in bytes (strings at 2 bytes a character). */
  approxBytes: number;
}

/**
 * The index as plain data (strings and typed arrays, structured-cloneable), so it can be kept
 * in IndexedDB and opened without reading every contact again (renderer/db/contact-catalog.ts).
 */
export interface IndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** Every slot's contact id and folded name (slots below `baseSlots` are in name order). */
  ids: string[];
  sortKeys: string[];
  /** 1 where the slot is live. */
  alive: Uint8Array;
  /** Known rows that are not live (deleted, merged). */
  dead: string[];
  baseSlots: number;
  /** Per field (name, phone, e-mail, tag, city): sorted terms and CSR postings over base slots. */
  segments: Segment[];
  /** Terms of the slots from `baseSlots` on (changes since the base was built). */
  delta: string[][][];
}

/** Bumped whenever the layout above or the meaning of a field's terms changes. */
export const SNAPSHOT_FORMAT = 1;

const isStrings = (x: unknown): x is string[] =>
  Array.isArray(x) && x.every((v) => typeof v === 'string');

/** Whether `x` is a snapshot this code can open: shape, lengths and every posting in range. */
function isSnapshot(x: unknown): x is IndexSnapshot {
  const s = x as Partial<IndexSnapshot> | null;
  if (!s || typeof s !== 'object' || s.format !== SNAPSHOT_FORMAT) return false;
  if (!isStrings(s.ids) || !isStrings(s.sortKeys) || !isStrings(s.dead)) return false;
  const slots = s.ids.length;
  const base = s.baseSlots;
  if (s.sortKeys.length !== slots || !(s.alive instanceof Uint8Array)) return false;
  if (s.alive.length !== slots || !Number.isInteger(base) || base! < 0 || base! > slots) {
    return false;
  }
  if (!Array.isArray(s.delta) || s.delta.length !== slots - base!) return false;
  const deltaOk = s.delta.every(
    (d) => Array.isArray(d) && d.length === FIELDS && d.every((f) => isStrings(f)),
  );
  if (!deltaOk || !Array.isArray(s.segments) || s.segments.length !== FIELDS) return false;
  return s.segments.every((seg) => {
    if (!seg || !isStrings(seg.terms)) return false;
    const { offsets, postings } = seg;
    if (!(offsets instanceof Int32Array) || !(postings instanceof Int32Array)) return false;
    if (offsets.length !== seg.terms.length + 1 || offsets[0] !== 0) return false;
    if (offsets[seg.terms.length] !== postings.length) return false;
    for (let i = 0; i < seg.terms.length; i++) if (offsets[i]! > offsets[i + 1]!) return false;
    for (let i = 0; i < postings.length; i++) {
      if (postings[i]! < 0 || postings[i]! >= base!) return false;
    }
    return true;
  });
}

/** A copy of `seg` without the postings of dead slots, and without terms left with none. */
function liveOnly(seg: Segment, alive: Uint8Array): Segment {
  const terms: string[] = [];
  const offsets = new Int32Array(seg.terms.length + 1);
  const postings = new Int32Array(seg.postings.length);
  let n = 0;
  for (let t = 0; t < seg.terms.length; t++) {
    const start = n;
    for (let p = seg.offsets[t]!; p < seg.offsets[t + 1]!; p++) {
      const s = seg.postings[p]!;
      if (alive[s]) postings[n++] = s;
    }
    if (n > start) {
      terms.push(seg.terms[t]!);
      offsets[terms.length] = n;
    }
  }
  return { terms, offsets: offsets.slice(0, terms.length + 1), postings: postings.slice(0, n) };
}

export class ContactSearchIndex {
  /** Every row id the index knows (dead ones too) -> its slot, or -1 when not live. */
  private known = new Map<string, number>();
  private ids: string[] = [];
  private sortKeys: string[] = [];
  private alive = new Uint8Array(0);
  private base: Segment[] = buildSegments([]);
  private baseSlots = 0;
  /** Terms of slots >= baseSlots. */
  private delta: Terms[] = [];
  private liveCount = 0;
  private order = new Int32Array(0);
  private pos = new Int32Array(0);
  private orderDirty = false;
  /** Scratch arrays reused by every query (one entry per slot). */
  private best = new Uint8Array(0);
  private hits = new Uint8Array(0);

  static build(rows: Iterable<IndexInput>): ContactSearchIndex {
    const index = new ContactSearchIndex();
    index.rebuild(rows);
    return index;
  }

  /**
   * An index from a snapshot (`snapshot()`), or null when it is not one this code wrote (an
   * older format, a damaged record): the caller then builds from the rows.
   */
  static fromSnapshot(snapshot: unknown): ContactSearchIndex | null {
    if (!isSnapshot(snapshot)) return null;
    const index = new ContactSearchIndex();
    const { ids, sortKeys, alive, baseSlots } = snapshot;
    const known = new Map<string, number>();
    for (const id of snapshot.dead) known.set(id, -1);
    index.installBase(
      known,
      ids.slice(0, baseSlots),
      sortKeys.slice(0, baseSlots),
      snapshot.segments,
    );
    // Then the slots as they were: base slots killed since, delta slots appended.
    for (let s = baseSlots; s < ids.length; s++) {
      index.ids.push(ids[s]!);
      index.sortKeys.push(sortKeys[s]!);
      index.delta.push(snapshot.delta[s - baseSlots]!);
    }
    index.ensureCapacity(ids.length);
    index.alive.set(alive);
    index.liveCount = 0;
    for (let s = 0; s < ids.length; s++) {
      if (alive[s]) {
        index.known.set(ids[s]!, s);
        index.liveCount++;
      } else if ((index.known.get(ids[s]!) ?? -1) === s) {
        index.known.set(ids[s]!, -1);
      }
    }
    index.orderDirty = true;
    return index;
  }

  /**
   * The index as plain data: its state copied in one linear pass, no rebuild (cheap enough
   * after each change). Slots no longer live keep nothing of the person: no name, no terms
   * (what is written to disk must not outlive an erasure).
   */
  snapshot(): IndexSnapshot {
    const dead: string[] = [];
    for (const [id, slot] of this.known) if (slot < 0) dead.push(id);
    const { alive } = this;
    return {
      format: SNAPSHOT_FORMAT,
      ids: this.ids.slice(),
      sortKeys: this.scrubbedSortKeys(),
      alive: alive.slice(0, this.ids.length),
      dead,
      baseSlots: this.baseSlots,
      segments: this.base.map((seg) => liveOnly(seg, alive)),
      delta: this.delta.map((terms, i) =>
        alive[this.baseSlots + i] ? terms.map((t) => [...t]) : terms.map(() => []),
      ),
    };
  }

  /**
   * Sort keys with none of a dead slot's own: a dead base slot takes the key of the live slot
   * before it (base keys must stay sorted for the name-prefix range), a dead delta slot ''.
   */
  private scrubbedSortKeys(): string[] {
    let previous = '';
    return this.sortKeys.map((k, s) => {
      if (s >= this.baseSlots) return this.alive[s] ? k : '';
      if (this.alive[s]) previous = k;
      return previous;
    });
  }

  /** Live contacts in the index. */
  get size(): number {
    return this.liveCount;
  }

  /** Rows the index knows, live or not (compared with the table's row count). */
  get knownRows(): number {
    return this.known.size;
  }

  has(id: string): boolean {
    return (this.known.get(id) ?? -1) >= 0;
  }

  /** Add or replace rows (a row that is no longer live stays known, never found). */
  upsert(rows: Iterable<IndexInput>): void {
    for (const row of rows) {
      this.kill(row.id);
      if (!row.live) {
        this.known.set(row.id, -1);
        continue;
      }
      const slot = this.ids.length;
      this.ids.push(row.id);
      this.sortKeys.push(row.sortKey);
      this.delta.push(termsOf(row));
      this.ensureCapacity(slot + 1);
      this.alive[slot] = 1;
      this.known.set(row.id, slot);
      this.liveCount++;
      this.orderDirty = true;
    }
    if (this.delta.length > Math.max(DELTA_MAX, this.baseSlots >> 3)) this.compact();
  }

  /** Forget rows that no longer exist in the table at all. */
  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      this.kill(id);
      this.known.delete(id);
    }
  }

  /**
   * Live contact ids matching `query`, best first: searchRank's ranks (full-name prefix, all
   * words start name words, phone start, phone middle, e-mail, tag, city, typo), then name
   * order. Empty query:
   * everyone in name order.
   */
  search(query: string): string[] {
    return this.find(query).all();
  }

  /** As `search`, without making the id list: the caller reads the window it shows. */
  find(query: string): SearchHits {
    this.ensureOrder();
    const q = query.trim();
    if (q === '') return new SearchHits(this.order, this.order.length, this.ids);
    const n = this.ids.length;
    this.best.fill(NONE, 0, n);
    this.found = 0;
    const folded = foldText(q);
    const digits = phoneQueryDigits(q);
    const words = wordTokens(q);
    if (digits !== '') {
      this.markPrefix(PHONE, digits, 2);
      // "3456" or "1234 5678" typed from the middle of a number (not a "+..." query).
      if (!digits.startsWith('+')) this.markContaining(PHONE, digits, 3);
    }
    if (words.length > 0) {
      // Base slots are numbered in name order, so names starting with the query are one range.
      const [from0, to0] = prefixRange(this.sortKeys, folded, this.baseSlots);
      const rankOf = (s: number) =>
        (s < this.baseSlots ? s >= from0 && s < to0 : this.sortKeys[s]!.startsWith(folded)) ? 0 : 1;
      if (words.length === 1) this.markPrefix(NAME, words[0]!, 1, rankOf);
      else for (const s of this.allWords(NAME, words)) this.mark(s, rankOf(s));
      this.markPrefix(EMAIL, q.toLowerCase(), 4);
      this.markPrefix(TAG, folded, 5);
      if (words.length === 1) this.markPrefix(CITY, words[0]!, 6);
      else for (const s of this.allWords(CITY, words)) this.mark(s, 6);
    }
    if (this.found === 0 && digits === '' && words.length > 0) {
      for (const s of this.fuzzyName(words)) this.mark(s, 7);
    }
    return new SearchHits(this.ranked(), this.found, this.ids);
  }

  private found = 0;
  private foundSlots = new Int32Array(0);

  private mark(s: number, rank: number): void {
    const b = this.best[s]!;
    if (b === NONE) this.foundSlots[this.found++] = s;
    if (rank < b) this.best[s] = rank;
  }

  /** Mark every live slot with a term of field `f` starting with `prefix`. */
  private markPrefix(f: number, prefix: string, rank: number, rankOf?: (s: number) => number) {
    if (prefix === '') return;
    const seg = this.base[f]!;
    const [from, to] = prefixRange(seg.terms, prefix);
    const { alive, best, foundSlots } = this;
    const { postings } = seg;
    let found = this.found;
    for (let p = seg.offsets[from]!, end = seg.offsets[to]!; p < end; p++) {
      const s = postings[p]!;
      if (!alive[s]) continue;
      const r = rankOf ? rankOf(s) : rank;
      const b = best[s]!;
      if (b === NONE) foundSlots[found++] = s;
      if (r < b) best[s] = r;
    }
    this.found = found;
    for (let i = 0; i < this.delta.length; i++) {
      const s = this.baseSlots + i;
      if (alive[s] && this.delta[i]![f]!.some((t) => t.startsWith(prefix)))
        this.mark(s, rankOf ? rankOf(s) : rank);
    }
  }

  /**
   * Mark every live slot with a term of field `f` containing `part` anywhere. The base terms
   * are searched as one joined string (a native indexOf over about a megabyte at 100,000
   * contacts) instead of one call per term; a hit's term is found by binary search.
   */
  private markContaining(f: number, part: string, rank: number): void {
    const seg = this.base[f]!;
    const joined = this.joinedTerms(f);
    const { text, starts } = joined;
    const { alive, best, foundSlots } = this;
    const { postings, offsets } = seg;
    // Terms that start with `part` are one range, already marked by markPrefix: skipped.
    const [skipFrom, skipTo] = prefixRange(seg.terms, part);
    let found = this.found;
    let at = text.indexOf(part);
    while (at >= 0) {
      // The term holding position `at`: the last start <= at.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      if (lo >= skipFrom && lo < skipTo) {
        at = skipTo < starts.length ? text.indexOf(part, starts[skipTo]!) : -1;
        continue;
      }
      for (let p = offsets[lo]!, end = offsets[lo + 1]!; p < end; p++) {
        const s = postings[p]!;
        if (!alive[s]) continue;
        const b = best[s]!;
        if (b === NONE) foundSlots[found++] = s;
        if (rank < b) best[s] = rank;
      }
      // Next term: one term is marked once however often the part occurs in it.
      at = lo + 1 < starts.length ? text.indexOf(part, starts[lo + 1]!) : -1;
    }
    this.found = found;
    for (let i = 0; i < this.delta.length; i++) {
      const s = this.baseSlots + i;
      if (alive[s] && this.delta[i]![f]!.some((t) => t.includes(part))) this.mark(s, rank);
    }
  }

  /** Field `f`'s base terms joined by a separator no term holds, made once per base. */
  private joinedTerms(f: number): { text: string; starts: Int32Array } {
    const cached = this.joined[f];
    if (cached) return cached;
    const terms = this.base[f]!.terms;
    const starts = new Int32Array(terms.length);
    let n = 0;
    terms.forEach((t, i) => {
      starts[i] = n;
      n += t.length + 1;
    });
    const made = { text: terms.join('\n'), starts };
    this.joined[f] = made;
    return made;
  }

  private joined: ({ text: string; starts: Int32Array } | undefined)[] = [];

  stats(): IndexStats {
    let terms = 0;
    let postings = 0;
    let bytes = 0;
    for (const seg of this.base) {
      terms += seg.terms.length;
      postings += seg.postings.length;
      for (const t of seg.terms) bytes += 16 + t.length * 2;
      bytes += seg.offsets.byteLength + seg.postings.byteLength;
    }
    for (let i = 0; i < this.ids.length; i++) {
      bytes += 32 + (this.ids[i]!.length + this.sortKeys[i]!.length) * 2;
    }
    for (const d of this.delta) for (const f of d) for (const t of f) bytes += 16 + t.length * 2;
    // Map entries of `known` (~40 bytes each) and the per-slot typed arrays.
    bytes += this.known.size * 40 + this.alive.length * (1 + 4 + 4 + 1 + 1);
    return {
      live: this.liveCount,
      known: this.known.size,
      delta: this.delta.length,
      terms,
      postings,
      approxBytes: bytes,
    };
  }

  private kill(id: string): void {
    const slot = this.known.get(id);
    if (slot === undefined || slot < 0) return;
    this.alive[slot] = 0;
    this.liveCount--;
    this.known.set(id, -1);
    this.orderDirty = true;
  }

  private ensureCapacity(n: number): void {
    if (this.alive.length >= n) return;
    const cap = Math.max(64, n, this.alive.length * 2);
    const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.alive = grow(this.alive, (n) => new Uint8Array(n));
    this.pos = grow(this.pos, (n) => new Int32Array(n));
    this.best = new Uint8Array(cap);
    this.hits = new Uint8Array(cap);
    this.foundSlots = new Int32Array(cap);
  }

  /** Rebuild from scratch: slots numbered in name order, no delta. */
  private rebuild(rows: Iterable<IndexInput>): void {
    // A row listed twice: the last one wins.
    const latest = new Map<string, IndexInput>();
    for (const row of rows) latest.set(row.id, row);
    const known = new Map<string, number>();
    const docs: IndexInput[] = [];
    for (const row of latest.values()) {
      known.set(row.id, -1);
      if (row.live) docs.push(row);
    }
    docs.sort((a, b) => byKeyThenId(a.sortKey, a.id, b.sortKey, b.id));
    this.install(
      known,
      docs.map((d) => d.id),
      docs.map((d) => d.sortKey),
      docs.map(termsOf),
    );
  }

  private install(
    known: Map<string, number>,
    ids: string[],
    sortKeys: string[],
    termLists: Terms[],
  ): void {
    this.installBase(known, ids, sortKeys, buildSegments(termLists));
  }

  /** Slots 0..ids.length-1 live, in name order, over the given base segments; no delta. */
  private installBase(
    known: Map<string, number>,
    ids: string[],
    sortKeys: string[],
    base: Segment[],
  ): void {
    ids.forEach((id, slot) => known.set(id, slot));
    this.known = known;
    this.ids = ids;
    this.sortKeys = sortKeys;
    this.alive = new Uint8Array(0);
    this.pos = new Int32Array(0);
    this.ensureCapacity(ids.length);
    this.alive.fill(1, 0, ids.length);
    this.base = base;
    this.joined = [];
    this.baseSlots = ids.length;
    this.delta = [];
    this.liveCount = ids.length;
    this.order = Int32Array.from(ids, (_, i) => i);
    this.pos.set(this.order);
    this.orderDirty = false;
  }

  /** Fold the delta into a new base, from the index's own data (no database read). */
  private compact(): void {
    this.ensureOrder();
    const termLists: string[][][] = [];
    const slotOfOld = new Int32Array(this.ids.length).fill(-1);
    this.order.forEach((s, i) => (slotOfOld[s] = i));
    for (let i = 0; i < this.order.length; i++) termLists.push([[], [], [], [], []]);
    for (let f = 0; f < FIELDS; f++) {
      const seg = this.base[f]!;
      for (let t = 0; t < seg.terms.length; t++) {
        for (let p = seg.offsets[t]!; p < seg.offsets[t + 1]!; p++) {
          const next = slotOfOld[seg.postings[p]!]!;
          if (next >= 0) termLists[next]![f]!.push(seg.terms[t]!);
        }
      }
    }
    this.delta.forEach((terms, i) => {
      const next = slotOfOld[this.baseSlots + i]!;
      if (next >= 0) for (let f = 0; f < FIELDS; f++) termLists[next]![f] = [...terms[f]!];
    });
    const known = new Map<string, number>();
    for (const [id, slot] of this.known) if (slot < 0) known.set(id, -1);
    const ids = Array.from(this.order, (s) => this.ids[s]!);
    const sortKeys = Array.from(this.order, (s) => this.sortKeys[s]!);
    this.install(known, ids, sortKeys, termLists);
  }

  /** Live slots by (sortKey, id): the old order without dead slots, merged with new slots. */
  private ensureOrder(): void {
    if (!this.orderDirty) return;
    const cmp = (a: number, b: number) =>
      byKeyThenId(this.sortKeys[a]!, this.ids[a]!, this.sortKeys[b]!, this.ids[b]!);
    const ordered = new Set(this.order);
    const fresh: number[] = [];
    for (let s = 0; s < this.ids.length; s++) {
      if (this.alive[s] && !ordered.has(s)) fresh.push(s);
    }
    fresh.sort(cmp);
    const next = new Int32Array(this.liveCount);
    let n = 0;
    let j = 0;
    for (const s of this.order) {
      if (!this.alive[s]) continue;
      while (j < fresh.length && cmp(fresh[j]!, s) < 0) next[n++] = fresh[j++]!;
      next[n++] = s;
    }
    while (j < fresh.length) next[n++] = fresh[j++]!;
    this.order = next;
    for (let i = 0; i < next.length; i++) this.pos[next[i]!] = i;
    this.orderDirty = false;
  }

  /** Every live slot with a term of field `f` starting with `prefix`. */
  private eachPrefix(f: number, prefix: string, fn: (slot: number) => void): void {
    if (prefix === '') return;
    const seg = this.base[f]!;
    const [from, to] = prefixRange(seg.terms, prefix);
    const { alive } = this;
    for (let p = seg.offsets[from]!; p < seg.offsets[to]!; p++) {
      const s = seg.postings[p]!;
      if (alive[s]) fn(s);
    }
    this.delta.forEach((terms, i) => {
      const s = this.baseSlots + i;
      if (alive[s] && terms[f]!.some((t) => t.startsWith(prefix))) fn(s);
    });
  }

  /** Live slots where every word starts some term of field `f` (at most 250 words). */
  private allWords(f: number, words: readonly string[]): number[] {
    return this.matchEvery(words.slice(0, 250), (w, visit) => this.eachPrefix(f, w, visit));
  }

  /**
   * Slots for which each of `groups` has a hit, counted in `hits`: a slot reaches count i + 1
   * only from count i, so a word matching several terms of one contact counts once.
   */
  private matchEvery<G>(
    groups: readonly G[],
    each: (group: G, visit: (slot: number) => void) => void,
  ): number[] {
    const hits = this.hits;
    hits.fill(0, 0, this.ids.length);
    let out: number[] = [];
    groups.forEach((g, i) => {
      const last = i === groups.length - 1;
      each(g, (s) => {
        if (hits[s] !== i) return;
        hits[s] = i + 1;
        if (last) out.push(s);
      });
    });
    if (groups.length === 0) out = [];
    return out;
  }

  /**
   * Typo tolerance, only when nothing matched exactly: every query word of 4+ letters may be
   * one edit away from the start of a name word with the same first letter ("sity" finds
   * "Siti", "rahyu" finds "Rahayu").
   */
  private fuzzyName(words: readonly string[]): number[] {
    if (words.some((w) => w.length < 4)) return [];
    const near = (w: string): Set<string> => {
      const out = new Set<string>();
      const close = (t: string) =>
        t[0] === w[0] &&
        t.length >= w.length - 1 &&
        (editDistance(t.slice(0, w.length), w, 1) <= 1 ||
          editDistance(t.slice(0, w.length + 1), w, 1) <= 1 ||
          editDistance(t.slice(0, w.length - 1), w, 1) <= 1);
      // Base terms with the same first letter are one contiguous range.
      const seg = this.base[NAME]!;
      const [from, to] = prefixRange(seg.terms, w[0]!);
      for (let t = from; t < to; t++) if (close(seg.terms[t]!)) out.add(seg.terms[t]!);
      for (const d of this.delta) for (const t of d[NAME]!) if (close(t)) out.add(t);
      return out;
    };
    const sets = words.slice(0, 250).map(near);
    if (sets.some((s) => s.size === 0)) return [];
    return this.matchEvery(sets, (set, visit) => {
      const seg = this.base[NAME]!;
      for (const term of set) {
        const t = lowerBound(seg.terms, term);
        if (seg.terms[t] !== term) continue;
        for (let p = seg.offsets[t]!; p < seg.offsets[t + 1]!; p++) {
          if (this.alive[seg.postings[p]!]) visit(seg.postings[p]!);
        }
      }
      this.delta.forEach((d, i) => {
        const s = this.baseSlots + i;
        if (this.alive[s] && d[NAME]!.some((t) => set.has(t))) visit(s);
      });
    });
  }

  /**
   * Found slots by rank, then by position in name order: sorting positions when few were
   * found, one pass over the name order when many were.
   */
  private ranked(): Int32Array {
    const { best, pos, order, found, foundSlots } = this;
    const counts = new Int32Array(RANKS + 1);
    for (let i = 0; i < found; i++) counts[best[foundSlots[i]!]! + 1]!++;
    for (let r = 0; r < RANKS; r++) counts[r + 1]! += counts[r]!;
    const next = counts.slice(0, RANKS);
    const out = new Int32Array(found);
    if (found * 16 > order.length) {
      for (let i = 0; i < order.length; i++) {
        const b = best[order[i]!]!;
        if (b !== NONE) out[next[b]!++] = order[i]!;
      }
      return out;
    }
    for (let i = 0; i < found; i++) {
      const s = foundSlots[i]!;
      out[next[best[s]!]!++] = pos[s]!;
    }
    for (let r = 0; r < RANKS; r++) out.subarray(counts[r]!, counts[r + 1]!).sort();
    for (let i = 0; i < found; i++) out[i] = order[out[i]!]!;
    return out;
  }
}

/**
 * One answer of the index: slots in result order and the slot -> id table of that moment (slots
 * are only ever appended to it, and a rebuild makes a new table), so it stays valid after the
 * index changes.
 */
export class SearchHits {
  constructor(
    private readonly slots: Int32Array,
    readonly length: number,
    private readonly ids: readonly string[],
  ) {}

  id(i: number): string {
    return this.ids[this.slots[i]!]!;
  }

  slice(from: number, to: number = this.length): string[] {
    const out: string[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.length); i++) out.push(this.id(i));
    return out;
  }

  all(): string[] {
    return this.slice(0);
  }
}

/** A result list made from ids in a given order (a filtered list, a first page). */
export function hitsOf(ids: readonly string[]): SearchHits {
  return new SearchHits(
    Int32Array.from(ids, (_, i) => i),
    ids.length,
    ids,
  );
}
