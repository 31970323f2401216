/** Entry of the admin bundle: defines `<comptoir-admin>`, which index.html places. */
import './comptoir-admin.js';
