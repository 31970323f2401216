/** The return screens, one chunk loaded when the shopper first opens one of them. */
import './return-flow/return-flow.js';
import './return-case/return-case.js';
import './claim-flow/claim-flow.js';
import './claim-case/claim-case.js';
