/**
 * The gateway: the one public entry point. It owns no data; it routes the public API to
 * the services, refuses oversized bodies before they reach them, and carries a
 * correlation id through every call.
 */
@NullMarked
package vn.gov.cchc.gateway;

import org.jspecify.annotations.NullMarked;
