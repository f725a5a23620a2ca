/**
 * The HTTP edge shared by every endpoint: request ids, versioning, body limits, authentication and
 * origins, rate limits, idempotency, scope checks and the error envelope.
 */
package org.carebook.web;
