/** The event contract of {@code events} as a service's beans, configured by the deployment's settings. */
package org.backtrack.contract;
