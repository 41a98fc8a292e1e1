/** HTTP adapter of the webhooks: {@code /api/v1/webhooks/**} for a clinic's administrators and integrations. */
package org.backtrack.progress.webhooks.web;
