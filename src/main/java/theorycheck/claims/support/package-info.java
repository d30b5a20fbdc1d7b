/**
 * What the checks of two or more families share: chart helpers and the held-out training of small networks.
 * Nothing here knows a claim id.
 */
package theorycheck.claims.support;
