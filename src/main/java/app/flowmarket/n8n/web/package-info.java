@NullMarked
package app.flowmarket.n8n.web;

import org.jspecify.annotations.NullMarked;
