import type { Clock } from '../../lib/clock.js';
import { magentoTime } from './magento-format.js';

/** The sandbox's time source: Magento stores and answers UTC `Y-m-d H:i:s`. */
export class MagentoClock {
  constructor(readonly clock: Clock) {}

  magentoNow(): string {
    return magentoTime(this.clock.now());
  }

  nowMs(): number {
    return this.clock.now().getTime();
  }
}
