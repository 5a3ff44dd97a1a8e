// What other parts of the server use of the notifications module.
export { type NotificationInput, notify } from './notifications.outbox.ts';
export { NotificationHub } from './notifications.hub.ts';
export { Notifier } from './notifications.notifier.ts';
export { unreadCount } from './notifications.service.ts';
export { registerNotificationRoutes } from './notifications.routes.ts';
export { type Poster, fetchPoster } from './notifications.webhook.ts';
export { type ReminderSource, registerReminderSource, produceReminders } from './notifications.reminders.ts';
