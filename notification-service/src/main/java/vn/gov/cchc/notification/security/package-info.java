/**
 * Who may call which endpoint of the service, and how the API document says so. The unit
 * by unit rules are in the endpoints, over the unit tree of the contact feature.
 */
@NullMarked
package vn.gov.cchc.notification.security;

import org.jspecify.annotations.NullMarked;
