/** HTTP adapter of the exercise library and catalog-service's one problem advice. */
package org.backtrack.catalog.web;
