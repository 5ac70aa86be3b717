package com.tierdesk.security.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoUsers             on a first start with no accounts, create one account per role with random passwords
 * @param initialCredentialsFile where those passwords are also written, readable by the owner only
 */
@ConfigurationProperties("tierdesk.security")
record SecuritySettings(@DefaultValue("true") boolean demoUsers,
                        @DefaultValue("./data/initial-credentials.txt") Path initialCredentialsFile) {
}
