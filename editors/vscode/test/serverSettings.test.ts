import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  canonicalRuleId,
  DEFAULT_SETTINGS,
  didChangeConfigurationParams,
  initializationOptions,
  mapSettings,
} from '../src/serverSettings';

describe('mapSettings', () => {
  it('maps the defaults (nothing set) to the default server configuration without warnings', () => {
    const { settings, warnings } = mapSettings({});
    assert.deepEqual(settings, { rules: {}, unlinkedMentions: false, linkerMode: 'first', glossaryGlobs: [], readingHints: 'first' });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(warnings, []);
  });

  it('maps the contributed defaults of package.json the same way', () => {
    const { settings, warnings } = mapSettings({ rules: {}, unlinkedMentionsEnabled: false, linkerMode: 'first', glossaryGlobs: [], readingHints: 'first' });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(warnings, []);
  });

  it('passes every setting through', () => {
    const { settings, warnings } = mapSettings({
      rules: { GL0005: 'off', GL0009: 'hint' },
      unlinkedMentionsEnabled: true,
      linkerMode: 'all',
      glossaryGlobs: ['terms/**/*.md', 'glossary/*.md'],
      readingHints: 'all',
    });
    assert.deepEqual(settings, {
      rules: { GL0005: 'off', GL0009: 'hint' },
      unlinkedMentions: true,
      linkerMode: 'all',
      glossaryGlobs: ['terms/**/*.md', 'glossary/*.md'],
      readingHints: 'all',
    });
    assert.deepEqual(warnings, []);
  });

  it('accepts aliases and ids in any case as keys, sent as rule ids', () => {
    const { settings, warnings } = mapSettings({
      rules: { 'broken-anchor': 'warning', 'Unlinked-Mention': 'hint', gl0011: 'off', 'article-url-mismatch': 'error' },
    });
    assert.deepEqual(settings.rules, { GL0002: 'warning', GL0009: 'hint', GL0011: 'off', GL0012: 'error' });
    assert.deepEqual(warnings, []);
  });

  it('lets the later key win when an id and its alias are both set, with a warning', () => {
    const { settings, warnings } = mapSettings({ rules: { GL0002: 'error', 'broken-anchor': 'hint' } });
    assert.deepEqual(settings.rules, { GL0002: 'hint' });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /"broken-anchor" and "GL0002" name the same rule GL0002/);
  });

  it('drops an invalid severity with a warning and keeps the valid ones', () => {
    const { settings, warnings } = mapSettings({ rules: { GL0001: 'fatal', GL0003: 'warning', GL0004: 3 } });
    assert.deepEqual(settings.rules, { GL0003: 'warning' });
    assert.equal(warnings.length, 2);
    assert.match(warnings[0]!, /invalid severity "fatal" for "GL0001" ignored/);
    assert.match(warnings[0]!, /off, hint, information, warning, error/);
    assert.match(warnings[1]!, /invalid severity 3 for "GL0004"/);
  });

  it('normalises severity case and the synonyms info/warn', () => {
    const { settings, warnings } = mapSettings({ rules: { GL0001: 'ERROR', GL0002: 'info', GL0003: ' warn ' } });
    assert.deepEqual(settings.rules, { GL0001: 'error', GL0002: 'information', GL0003: 'warning' });
    assert.deepEqual(warnings, []);
  });

  it('drops unknown rule names with a warning but passes future GL ids through', () => {
    const { settings, warnings } = mapSettings({ rules: { 'no-such-rule': 'off', GL0042: 'hint' } });
    assert.deepEqual(settings.rules, { GL0042: 'hint' });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /unknown rule "no-such-rule"/);
  });

  it('replaces values of the wrong type by the defaults, with warnings', () => {
    const { settings, warnings } = mapSettings({
      rules: ['GL0001'],
      unlinkedMentionsEnabled: 'yes',
      linkerMode: 'some',
      glossaryGlobs: 'glossary/*.md',
      readingHints: 'sometimes',
    });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(warnings.length, 5);
    assert.match(warnings[4]!, /glossary.readingHints must be "off", "first" or "all"; "sometimes" ignored/);
  });

  it('cleans the glob list (trims, drops empty, non-string and duplicate entries)', () => {
    const { settings, warnings } = mapSettings({ glossaryGlobs: [' a/*.md ', '', 'a/*.md', 7, 'b/**'] });
    assert.deepEqual(settings.glossaryGlobs, ['a/*.md', 'b/**']);
    assert.equal(warnings.length, 2);
  });
});

describe('payloads', () => {
  const s = mapSettings({ rules: { 'broken-link': 'warning' }, unlinkedMentionsEnabled: true }).settings;
  it('initializationOptions is { settings: S }', () => {
    assert.deepEqual(initializationOptions(s), {
      settings: { rules: { GL0001: 'warning' }, unlinkedMentions: true, linkerMode: 'first', glossaryGlobs: [], readingHints: 'first' },
    });
  });
  it('didChangeConfiguration is { settings: { glossary: S } }', () => {
    assert.deepEqual(didChangeConfigurationParams(s), {
      settings: { glossary: { rules: { GL0001: 'warning' }, unlinkedMentions: true, linkerMode: 'first', glossaryGlobs: [], readingHints: 'first' } },
    });
    assert.deepEqual(JSON.parse(JSON.stringify(didChangeConfigurationParams(s))), didChangeConfigurationParams(s));
  });
});

describe('canonicalRuleId', () => {
  it('knows all twelve rules by id and alias', () => {
    assert.equal(canonicalRuleId('broken-link'), 'GL0001');
    assert.equal(canonicalRuleId('empty-definition'), 'GL0011');
    assert.equal(canonicalRuleId(' gl0005 '), 'GL0005');
    assert.equal(canonicalRuleId('GL-5'), undefined);
  });
});
