package com.tierdesk.security.internal;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the OpenAPI document (and Swagger UI's "Authorize" button) that every API call takes a bearer token. */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = ApiDocsSecurity.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "tdk_<prefix>_<secret>",
        description = "An API token issued by an administrator (console: API tokens, or POST /api/v1/tokens)")
class ApiDocsSecurity {

    static final String SCHEME = "apiToken";

    @Bean
    OpenApiCustomizer apiTokenRequirement() {
        return openApi -> openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
