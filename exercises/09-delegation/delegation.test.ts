import { describe } from 'vitest';
// The behaviour tests live in delegation.suite.ts, shared with exercise 10, which must pass the
// same suite without yield*. The '../09-delegation/' path keeps KATA_DIR from redirecting it.
import { delegationSuite } from '../09-delegation/delegation.suite.ts';
import * as kata from './delegation';

const suite = delegationSuite(kata, 'yield*');

describe('1. Delegate to an inner iterable', suite.delegateToAnInnerIterable);

describe('2. Forward sent values', suite.forwardSentValues);

describe('3. Forward throw', suite.forwardThrow);

describe('4. Forward return', suite.forwardReturn);

describe('5. Carry on with the result', suite.carryOnWithTheResult);

describe("6. The post's internal and gen", suite.thePostsInternalAndGen);
