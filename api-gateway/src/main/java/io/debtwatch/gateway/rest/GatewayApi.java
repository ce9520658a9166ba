package io.debtwatch.gateway.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public API's identity in the OpenAPI document: title, the bearer API-key scheme, tags. */
@OpenAPIDefinition(
        info = @Info(title = "DebtWatch API", version = "1.0.0",
                description = "Technical-debt scores of an organisation's repositories. Every call under "
                        + "/api/v1/orgs/{org} needs an API key of that org as `Authorization: Bearer <key>`; "
                        + "errors are RFC 9457 problem documents.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/", description = "this gateway"),
        security = @SecurityRequirement(name = GatewayApi.SCHEME),
        tags = {
                @Tag(name = "Repositories", description = "what is watched"),
                @Tag(name = "Scores", description = "a repository's debt"),
                @Tag(name = "Reports", description = "the org at a glance"),
                @Tag(name = "Webhooks", description = "score events pushed to you"),
                @Tag(name = "Re-analysis", description = "analyse again"),
                @Tag(name = "API keys", description = "who may call"),
                @Tag(name = "Push hooks", description = "Git hosting push receivers") })
@SecurityScheme(securitySchemeName = GatewayApi.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key of the org, with the read, write or admin scope")
public class GatewayApi extends Application {

    /** The name of the security scheme every API operation references. */
    public static final String SCHEME = "apiKey";
}
