/**
 * Who may sign in: the demo people of the security contract and one machine client per
 * demo commune, each with the unit it acts for and its roles. The issuer turns these into
 * token claims; nothing here knows about OAuth.
 */
@NullMarked
package vn.gov.cchc.authserver.identity;

import org.jspecify.annotations.NullMarked;
