/** Implementation details of skillmessaging-ask: not API, may change in any release. */
package io.github.skillmessaging.ask.internal;
