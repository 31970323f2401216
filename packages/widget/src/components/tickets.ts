/** The ticket screens, one chunk loaded when the shopper first opens one of them. */
import './tickets/ticket-list.js';
import './tickets/ticket-form.js';
import './tickets/ticket-thread.js';
