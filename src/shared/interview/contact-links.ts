/**
 * The finish screen's links to the script's contact. The renderer draws them and the Electron shell opens exactly
 * these in the mail or phone app, so both build them here.
 */
export const mailtoLink = (email: string): string => `mailto:${email}`;

/** Only digits and a leading +: "+1 (555) 010-0" dials as tel:+15550100. */
export const telLink = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;
