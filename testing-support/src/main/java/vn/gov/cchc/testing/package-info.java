/**
 * Helpers for the services' tests. Test scope only: nothing here reaches a running
 * service.
 */
@NullMarked
package vn.gov.cchc.testing;

import org.jspecify.annotations.NullMarked;
