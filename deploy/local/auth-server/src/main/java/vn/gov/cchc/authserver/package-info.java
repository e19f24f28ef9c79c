/**
 * The local issuer of the one-box runtime: Spring Authorization Server with the demo
 * identities. It stands in for the province's real identity provider (Keycloak in docker
 * compose); the services only ever see the JWTs it signs and its JWKS.
 */
@NullMarked
package vn.gov.cchc.authserver;

import org.jspecify.annotations.NullMarked;
