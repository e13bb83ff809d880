package org.switchboard.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST application at the root of the web module (context root {@code /}). Payara's MicroProfile OpenAPI
 * serves its document at {@code /openapi} (YAML; {@code ?format=JSON} or {@code Accept: application/json}).
 */
@ApplicationPath("/")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Switchboard API",
                        version = "v1",
                        description =
                                "OpenAI-compatible chat completions, embeddings and models (/v1), durable runs with"
                                        + " resumable event streams (/api/v1/runs), and the admin API (/api/v1/admin). Errors are"
                                        + " RFC 9457 problems (application/problem+json)."),
        security = @SecurityRequirement(name = "bearer"),
        components =
                @Components(
                        responses =
                                @APIResponse(
                                        name = "Problem",
                                        description = "An RFC 9457 problem; its type names the condition",
                                        content =
                                                @Content(
                                                        mediaType = "application/problem+json",
                                                        schema = @Schema(ref = "#/components/schemas/Problem")))))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class SwitchboardApi extends Application {}
