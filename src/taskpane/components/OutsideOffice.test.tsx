/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { OutsideOffice } from "./OutsideOffice";

describe("the task pane page opened outside Office", () => {
  it.each([
    ["en", "KPI & OKR for Home Services", "demo workbook", "function reference", "functions.html"],
    ["zh-CN", "家政服务 KPI 与 OKR", "演示工作簿", "函数参考", "functions.zh-CN.html"],
  ] as const)("says what it is in %s and links to the demo and the function reference in its language", (locale, title, demo, reference, page) => {
    render(<OutsideOffice locale={locale} />);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(title);
    expect(screen.getByRole("link", { name: demo }).getAttribute("href")).toBe("demo.html");
    expect(screen.getByRole("link", { name: reference }).getAttribute("href")).toBe(page);
  });
});
