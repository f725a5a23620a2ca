package org.carebook.organization;

import java.util.List;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Scope;

/** A key to create: a secret key with chosen scopes, or a publishable one with its fixed scopes. */
record ApiKeyDraft(String name, KeyKind kind, List<Scope> scopes, List<String> allowedOrigins) {}
