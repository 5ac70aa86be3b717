package com.tierdesk.security;

/**
 * A person's contact as given: each value replaces the current one, each {@code null} leaves it as it is; a blank
 * email removes the address. A new account starts from {@link Contact#NONE}.
 *
 * @param language a tag of {@link Contact#LANGUAGES}: {@code zh-CN} or {@code en}
 */
public record ContactChange(String email, String language) {

    public static final ContactChange NONE = new ContactChange(null, null);

    public boolean isEmpty() {
        return email == null && language == null;
    }
}
