/**
 * Time expressions of a fact, normalised to ISO 8601 (`1986-10`, `1987-03-02`, `1972`) against the
 * date of the story where one is known: "last October" in a story of 1987-03-02 is 1986-10.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS = MONTHS.map((m) => m.slice(0, 3));
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Which way a bare "October" or "Monday" points: back from a story in the past tense, ahead otherwise. */
export type Tense = 'past' | 'future';

/** Does the phrase name a point in time we know how to read? (A cheap test before normalising.) */
export function looksLikeDate(text: string): boolean {
  return /\b(\d{4}|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight|week|month|year|weekend)\b/i.test(text);
}

/** A story date as the corpora write it: `1987-03-02`, `26-FEB-1987 15:01:01.79`, `March 2, 1987`. */
export function parseDocumentDate(text: string | undefined): CalendarDate | undefined {
  if (!text) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const reuters = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})/.exec(text);
  if (reuters) {
    const month = MONTH_ABBREVIATIONS.indexOf(reuters[2]!.toLowerCase()) + 1;
    if (month > 0) return { year: Number(reuters[3]), month, day: Number(reuters[1]) };
  }
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return undefined;
  const date = new Date(parsed);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const isoMonth = (year: number, month: number): string => `${year}-${pad(month)}`;
const isoDay = (d: CalendarDate): string => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

function addDays(d: CalendarDate, days: number): CalendarDate {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function monthIndex(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full + 1;
  const short = MONTH_ABBREVIATIONS.indexOf(w === 'sept' ? 'sep' : w);
  return short >= 0 ? short + 1 : undefined;
}

/**
 * The ISO form of a time phrase, or undefined when the phrase is vague ("recently", "this week")
 * or needs a story date that is not known.
 */
export function normaliseDate(phrase: string, story: CalendarDate | undefined, tense?: Tense): string | undefined {
  const words = phrase
    .toLowerCase()
    .replace(/[,.]/g, ' ')
    .replace(/\b(the|of|on|in|at|during|early|late|mid|earlier|later)\b-?/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return undefined;
  const [first, ...rest] = words;
  const shift = first === 'last' || first === 'past' ? -1 : first === 'next' || first === 'coming' ? 1 : first === 'this' ? 0 : undefined;
  const body = shift === undefined ? words : rest;

  // "1972", "October 1986", "October 21, 1986", "21 October 1986"
  const year = body.find((w) => /^\d{4}$/.test(w));
  const month = body.map(monthIndex).find((m) => m !== undefined);
  const day = body.map((w) => /^(\d{1,2})(st|nd|rd|th)?$/.exec(w)).find(Boolean);
  if (year && body.length === 1) return year;
  if (month !== undefined) {
    let y = year ? Number(year) : undefined;
    if (y === undefined && story) {
      const direction = shift ?? (tense === 'past' ? -1 : tense === 'future' ? 1 : 0);
      y = story.year;
      if (direction < 0 && month >= story.month) y -= 1;
      if (direction > 0 && month <= story.month) y += 1;
    }
    if (y === undefined) return undefined;
    return day ? isoDay({ year: y, month, day: Number(day[1]) }) : isoMonth(y, month);
  }
  if (!story) return undefined;
  if (body.length === 1) {
    const word = body[0]!;
    if (shift === undefined) {
      if (word === 'yesterday') return isoDay(addDays(story, -1));
      if (word === 'today' || word === 'tonight') return isoDay(story);
      if (word === 'tomorrow') return isoDay(addDays(story, 1));
    }
    const weekday = WEEKDAYS.indexOf(word);
    if (weekday >= 0) {
      const today = new Date(Date.UTC(story.year, story.month - 1, story.day)).getUTCDay();
      const back = (today - weekday + 7) % 7 || 7;
      const ahead = (weekday - today + 7) % 7 || 7;
      const forward = shift === 1 || (shift === undefined && tense === 'future');
      return isoDay(addDays(story, forward ? ahead : -back));
    }
    if (shift !== undefined && word === 'year') return String(story.year + shift);
    if (shift !== undefined && word === 'month') {
      const m = story.month + shift;
      return m < 1 ? isoMonth(story.year - 1, 12) : m > 12 ? isoMonth(story.year + 1, 1) : isoMonth(story.year, m);
    }
  }
  return undefined;
}
