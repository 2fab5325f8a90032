import * as assert from 'node:assert/strict';
import { email } from '../../../src/server/detectors/email';
import { found, run } from './helpers';

describe('detectors: email', () => {
  it('flags an address with its exact span, higher for private mail', () => {
    const text = 'Mail me op piet.jansen@gmail.com.';
    const flags = run(email, text);
    assert.equal(flags.length, 1);
    assert.deepEqual(flags[0].span, { start: 11, end: 32 });
    assert.equal(flags[0].confidence, 0.9);
    assert.equal(flags[0].explanation, 'e-mail address piet.jansen@gmail.com at a private mail provider (gmail.com)');
  });

  it('knows Dutch providers', () => {
    for (const d of ['ziggo.nl', 'kpnmail.nl', 'planet.nl', 'xs4all.nl', 'home.nl', 'hetnet.nl', 'telfort.nl', 'hotmail.com', 'outlook.com', 'live.nl', 'icloud.com', 'me.com', 'yahoo.com']) {
      assert.equal(run(email, `a.b@${d}`)[0].confidence, 0.9, d);
    }
  });

  it('rates a person\'s address at an organisation lower; leaves shared mailboxes and government addresses alone', () => {
    assert.equal(run(email, 'j.bakker@bedrijf.nl')[0].confidence, 0.6);
    assert.match(run(email, 'j.bakker@bedrijf.nl')[0].explanation, /organisation's domain \(bedrijf\.nl\)/);
    assert.deepEqual(found(email, 'info@bedrijf.nl of servicedesk@leverancier.nl'), []);
    assert.deepEqual(found(email, 'j.jansen@minvws.nl'), [], 'an official in their role');
    assert.deepEqual(found(email, 'j.jansen@mail.rijksoverheid.nl'), []);
    assert.deepEqual(found(email, 'info@ggdhaaglanden.nl'), []);
  });

  it('handles case, plus tags and sentence punctuation', () => {
    assert.deepEqual(found(email, '(Piet+crisis@Gmail.COM)'), ['Piet+crisis@Gmail.COM']);
    assert.deepEqual(found(email, 'mail: a@b.nl, c@d.nl.'), ['a@b.nl', 'c@d.nl']);
  });

  it('ignores mentions, handles and broken addresses', () => {
    assert.deepEqual(found(email, '@Piet kun je kijken?'), []);
    assert.deepEqual(found(email, 'zie piet@localhost'), []);
    assert.deepEqual(found(email, 'om 10 @ kantoor'), []);
    assert.deepEqual(found(email, 'x@y.1'), []);
    assert.deepEqual(found(email, '.@gmail.com'), []);
  });
});
