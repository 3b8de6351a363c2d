import { describe, expect, it } from 'vitest';
import { DATA_MARK, embedData } from '../../../src/report/page-file.ts';
import type { ReportData } from '../../../src/report/summary.ts';

describe('a report saved with its data', () => {
  const page = `<html><head>${DATA_MARK}</head><body></body></html>`;
  const data = (name: string) => ({ outstanding: [{ name }] }) as unknown as ReportData;

  it('keeps a name that looks like markup inside the data block, and can be saved again', () => {
    const once = embedData(page, data('</script><script>alert(1)</script>'));
    expect(once.match(/<\/script>/g)).toHaveLength(1);
    const json = /id="report-data">([^<]*)</.exec(once)?.[1] ?? '';
    expect((JSON.parse(json) as { outstanding: { name: string }[] }).outstanding[0]?.name).toBe('</script><script>alert(1)</script>');
    const twice = embedData(once, data('Åsa'));
    expect(twice).toContain('"name":"Åsa"');
    expect(twice).not.toContain('alert');
  });
});
