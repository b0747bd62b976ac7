// The readable summary `ma-gap analyze FILE` prints.
import type { Analysis, Pay } from '../extract/index.js';

function formatPay(pay: Pay): string {
  const money = (n: number) =>
    pay.period === 'year' ? `$${Math.round(n).toLocaleString('en-US')}` : `$${n.toFixed(2)}`;
  const range =
    pay.min !== null && pay.max !== null && pay.min !== pay.max
      ? `${money(pay.min)}–${money(pay.max)}`
      : pay.min !== null
        ? `${money(pay.min)}${pay.max === null ? '+' : ''}`
        : `up to ${money(pay.max!)}`;
  return `${range}/${pay.period}`;
}

export function formatAnalysis(analysis: Analysis): string {
  const a = analysis.attributes;
  const out: string[] = [];
  out.push(`${a.title ?? '(untitled posting)'}${a.location ? ` — ${a.location}` : ''}`);
  const facts = [
    a.employmentType,
    a.experienceYears !== null ? `${a.experienceYears}+ yr experience` : null,
    a.pay ? formatPay(a.pay) : null,
    a.certWindowDays !== null ? `credential within ${a.certWindowDays} days of hire` : null,
  ].filter(Boolean);
  if (facts.length) out.push(facts.join(' · '));
  out.push(`lexicon ${analysis.lexiconVersion}`);
  if (analysis.concepts.length === 0) {
    out.push('', 'No duties, skills or credentials found.');
    return `${out.join('\n')}\n`;
  }
  const width = Math.max(...analysis.concepts.map((c) => c.id.length));
  let category = '';
  for (const c of analysis.concepts) {
    if (c.category !== category) {
      category = c.category;
      out.push('', category);
    }
    const quote = c.evidence[0] ? `"${c.evidence[0].text}"` : '';
    out.push(`  ${c.level.padEnd(9)} ${c.id.padEnd(width)}  ${c.label}  ${quote}`);
  }
  return `${out.join('\n')}\n`;
}
