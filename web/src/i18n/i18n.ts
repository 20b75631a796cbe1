import { useSyncExternalStore } from 'react';
import { en } from './en';
import { hi } from './hi';

// English and Hindi from typed dictionaries: a key missing in Hindi fails the type check.
export type Key = keyof typeof en;
export type Lang = 'en' | 'hi';
const dictionaries: Record<Lang, Record<Key, string>> = { en, hi };
const STORAGE = 'ramsetu.lang'; // the chosen language only; never a token

let lang: Lang = (localStorage.getItem(STORAGE) as Lang) === 'hi' ? 'hi' : 'en';
document.documentElement.lang = lang;
const subscribers = new Set<() => void>();

export function setLang(next: Lang) {
  lang = next;
  localStorage.setItem(STORAGE, next);
  document.documentElement.lang = next;
  subscribers.forEach((s) => s());
}

export function currentLang(): Lang {
  return lang;
}

// `{days, plural, one {# day} other {# days}}` picks the form by the language's plural rules.
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

export function translate(key: Key, vars?: Record<string, string | number>): string {
  let text = dictionaries[lang][key] ?? en[key] ?? key;
  text = text.replace(PLURAL, (_, name: string, one: string, other: string) => {
    const n = Number(vars?.[name]);
    const form = new Intl.PluralRules(lang === 'hi' ? 'hi-IN' : 'en-IN').select(n) === 'one' ? one : other;
    return form.split('#').join(formatNumber(n));
  });
  if (vars) {
    for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(String(v));
  }
  return text;
}

/** Re-renders on a language switch. */
export function useT() {
  useSyncExternalStore(
    (cb) => {
      subscribers.add(cb);
      return () => subscribers.delete(cb);
    },
    () => lang,
  );
  return translate;
}

/** A label for an API enum value, e.g. organ KIDNEY, falling back to the value itself. */
export function useEnumLabel() {
  const t = useT();
  return (group: string, value: string | undefined | null) => {
    if (!value) return '';
    const key = `${group}.${value}` as Key;
    return key in en ? t(key) : value;
  };
}

export function formatDate(iso: string | undefined | null, withTime = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  const locale = lang === 'hi' ? 'hi-IN' : 'en-IN';
  return withTime
    ? d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
    : d.toLocaleDateString(locale, { dateStyle: 'medium' });
}

/**
 * A match score or an ML compatibility (0 to 1) as every role sees it: a percentage with one
 * decimal ("71.5 %"), never 0.715 to one reader and 72 % to another.
 */
export function formatScore(score: number | undefined | null): string {
  return score === undefined || score === null || Number.isNaN(score) ? '—' : `${formatNumber(score * 100, 1)} %`;
}

export function formatNumber(n: number | undefined | null, digits = 0): string {
  if (n === undefined || n === null || Number.isNaN(n)) return '—';
  return n.toLocaleString(lang === 'hi' ? 'hi-IN' : 'en-IN', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}
