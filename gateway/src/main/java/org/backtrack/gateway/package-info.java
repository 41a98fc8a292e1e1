/** gateway: routes the public API paths to the services and serves the clinic dashboard. */
package org.backtrack.gateway;
