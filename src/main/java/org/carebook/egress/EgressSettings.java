package org.carebook.egress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether outgoing requests may reach private and loopback addresses. The setting kept the name it had when
 * webhooks were the only such requests ({@code CAREBOOK_WEBHOOKS_ALLOW_PRIVATE}); linked calendars obey it too.
 */
@ConfigurationProperties(prefix = "carebook")
record EgressSettings(@DefaultValue("false") boolean webhooksAllowPrivate) {}
