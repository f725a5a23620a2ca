package org.carebook.kernel;

/**
 * Who made a change, as events name them: a key ({@code secret} or {@code publishable}) or a member of staff
 * ({@code staff}) by id, or the server itself ({@code system}, no id) when time alone changed something.
 */
public record Actor(String kind, String id) {

    public static final Actor SYSTEM = new Actor("system", null);

    public static Actor of(Caller caller) {
        return new Actor(caller.kind().wire(), caller.keyId());
    }
}
