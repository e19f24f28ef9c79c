/**
 * The provincial dashboard: a single page with its script and style, served from the
 * gateway's static resources so that it calls the services on the same origin.
 */
@NullMarked
package vn.gov.cchc.gateway.dashboard;

import org.jspecify.annotations.NullMarked;
