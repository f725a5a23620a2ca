// Carebook booking widget: <carebook-booking publishable-key="pk_..."> in any page, <carebook-manage> on the
// page a manage link opens, and <carebook-offer> on the page a waitlist offer's link opens. Dependency-free ES modules served as they are: no build step, no framework. Theme it
// with the --carebook-* custom properties.

import { booking } from './booking.js';
import { manage } from './manage.js';
import { offer } from './offer.js';
import { widgetElement } from './widget.js';

export const CarebookBooking = widgetElement(booking);
export const CarebookManage = widgetElement(manage);
export const CarebookOffer = widgetElement(offer);

if (!customElements.get('carebook-booking')) {
  customElements.define('carebook-booking', CarebookBooking);
}
if (!customElements.get('carebook-manage')) {
  customElements.define('carebook-manage', CarebookManage);
}
if (!customElements.get('carebook-offer')) {
  customElements.define('carebook-offer', CarebookOffer);
}
