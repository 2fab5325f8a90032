import { type Flag, type Policy } from '../../../src/model';
import { scanMessage } from '../../../src/server/detectors';

export { DEFAULT_POLICY, lineColumn, parsePolicy, readPolicyText, parseSettings, policyBaseFromSettings, policyFromSettings, policySha256, RULE_IDS, WORD_LISTS } from '../../../src/model';

/** The flags of one message under a policy. */
export function scanFlagsForTest(text: string, policy: Policy): Flag[] {
  return scanMessage(
    { id: 'm000001', timestamp: '2020-03-16T10:00:00', precision: 'minute', sender: 'Piet', kind: 'message', text },
    { policy, previous: undefined, next: undefined },
  );
}
