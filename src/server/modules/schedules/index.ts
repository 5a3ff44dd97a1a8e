// What other parts of the server use of the schedules module: everything else in it is its own.
export { todayTasks } from './schedules.service.ts';
