/**
 * What the service's features share about their store: the indexes of their collections.
 */
@NullMarked
package vn.gov.cchc.notification.store;

import org.jspecify.annotations.NullMarked;
